/**
 * The single-table layout, shared by the CDK stack, the local servers and the DynamoDB adapter so that the
 * three can never disagree. Keys are strings. Two overloaded GSIs; see README "Data model".
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttl: 'expiresAt',
  gsis: [
    /** gsi1: newest-first lists — articles by month, quotes by speaker, articles by entity. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** gsi2: sparse status index — articles by status (REJECTED / FAILED). */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;
