import { useEffect, useReducer, useRef } from 'react';

/**
 * Characters added per step: LogViewer splits and colours each step in
 * one task, and about 512 KiB of log takes a few milliseconds there.
 */
export const PROGRESSIVE_TEXT_STEP = 512 * 1024;

// Returns the end of the next step: the end of the text, or the line break
// after `from + step`, so that each step ends with a whole line.
function nextStepEnd(text: string, from: number, step: number): number {
  if (text.length - from <= step) {
    return text.length;
  }
  const lineEnd = text.indexOf('\n', from + step);
  return lineEnd === -1 ? text.length : lineEnd;
}

/**
 * Returns a growing prefix of `text`, one step more after each macrotask,
 * until all of it shows.
 *
 * @remarks
 * LogViewer processes only what was appended to the text it showed before,
 * so feeding a large log in steps splits the work into short tasks, and
 * the page stays responsive while a 10 MB log opens. Text that grows by
 * appending keeps what already shows; any other change, such as a folded
 * section, starts again from the first step.
 */
export function useProgressiveText(
  text: string,
  step: number = PROGRESSIVE_TEXT_STEP,
): string {
  const shown = useRef({ source: '', length: 0 });
  const [, rerender] = useReducer((count: number) => count + 1, 0);

  if (shown.current.source !== text) {
    const { source, length } = shown.current;
    const appended = length > 0 && text.startsWith(source.slice(0, length));
    shown.current = {
      source: text,
      length: nextStepEnd(text, appended ? length : 0, step),
    };
  }

  const { length } = shown.current;
  useEffect(() => {
    if (length >= text.length) {
      return undefined;
    }
    const timer = setTimeout(() => {
      if (shown.current.source === text) {
        shown.current = {
          source: text,
          length: nextStepEnd(text, shown.current.length, step),
        };
        rerender();
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [text, length, step]);

  return length >= text.length ? text : text.slice(0, length);
}
