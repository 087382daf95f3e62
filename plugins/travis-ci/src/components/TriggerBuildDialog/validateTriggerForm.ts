import {
  TRAVIS_MERGE_MODES,
  TravisMergeMode,
  TravisTriggerBuildRequest,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { parse } from 'yaml';

/** The trigger dialog's fields as the user typed them. */
export interface TriggerFormValues {
  branch: string;
  message: string;
  /** Build configuration in YAML; blank for none. */
  config: string;
  /** Empty until the user picks a merge mode. */
  mergeMode: TravisMergeMode | '';
}

/** Per-field problems; an absent field is valid. */
export interface TriggerFormErrors {
  branch?: string;
  config?: string;
  mergeMode?: string;
}

/**
 * Checks the trigger dialog's fields and builds the request to send: the
 * branch is required, the config must parse as a YAML mapping, and a config
 * needs a merge mode that says how it combines with `.travis.yml`.
 */
export function validateTriggerForm(
  values: TriggerFormValues,
):
  | { valid: true; request: TravisTriggerBuildRequest }
  | { valid: false; errors: TriggerFormErrors } {
  const errors: TriggerFormErrors = {};
  const branch = values.branch.trim();
  const message = values.message.trim();

  if (!branch) {
    errors.branch = 'Choose the branch to build.';
  }

  let config: Record<string, unknown> | undefined;
  if (values.config.trim()) {
    const parsed = parseConfig(values.config);
    if (typeof parsed === 'string') {
      errors.config = parsed;
    } else {
      config = parsed;
    }
    if (!values.mergeMode) {
      errors.mergeMode =
        "Choose how this config combines with the repository's .travis.yml.";
    }
  }
  if (values.mergeMode && !TRAVIS_MERGE_MODES.includes(values.mergeMode)) {
    errors.mergeMode = `Unknown merge mode "${values.mergeMode}".`;
  }

  if (Object.keys(errors).length > 0) {
    return { valid: false, errors };
  }

  const request: TravisTriggerBuildRequest = { branch };
  if (message) {
    request.message = message;
  }
  if (config && values.mergeMode) {
    request.config = config;
    request.mergeMode = values.mergeMode;
  }
  return { valid: true, request };
}

// Returns the mapping, or a message that says what is wrong with the text.
function parseConfig(text: string): Record<string, unknown> | string {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `The config is not valid YAML: ${reason}`;
  }

  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const found = Array.isArray(parsed)
      ? 'a list'
      : `the value ${JSON.stringify(parsed)}`;
    return `The config must be a YAML mapping of keys to values, such as "script: make test", but it is ${found}.`;
  }
  return parsed as Record<string, unknown>;
}
