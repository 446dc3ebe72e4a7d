/**
 * The single-table layout, shared by the CDK stack, the local servers and the DynamoDB adapter so that the
 * three can never disagree. Keys are strings. Two overloaded GSIs, both projecting ALL: every item indexed in one
 * is read whole by the query of that index. See README "Data model".
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttl: 'expiresAt',
  gsis: [
    /** gsi1: newest-first lists — articles by month (META), quotes by speaker (quotes with a speaker). */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** gsi2: sparse status index — articles by status (META of REJECTED / FAILED). */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;
