// @ts-check

/**
 * Public keys of the workload identity issuer. Every replica signs with its
 * own private key, which never leaves its memory, and publishes the public
 * half here so that the JWKS route of any replica lists it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('travis_ci_identity_keys', table => {
    table.comment('Public keys of the Travis CI workload identity issuer');
    table
      .string('kid', 128)
      .primary()
      .notNullable()
      .comment('Key id: the RFC 7638 thumbprint of the public key');
    table
      .text('public_jwk')
      .notNullable()
      .comment('The public key as a JWK in JSON');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the key was published');
    table
      .timestamp('active_from', { useTz: true })
      .notNullable()
      .comment('Earliest time the key signs a token');
    table
      .timestamp('expires_at', { useTz: true })
      .notNullable()
      .comment(
        'When every token the key signed has expired, so the key can go',
      );
    table.index(['expires_at'], 'travis_ci_identity_keys_expires_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('travis_ci_identity_keys');
};
