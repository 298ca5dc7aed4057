import type { ReceiptRule } from '@recordflow/calendar';
import type { DataSource } from 'typeorm';
import { parseReceiptRule } from '../config/recordflow-config';

/**
 * Records the receipt rule this process runs with in the calendar settings' history when it differs
 * from the one in force, so events keep naming the calendar they were computed with (replay reads it
 * back). Nothing is written while the rule stays the default and nothing was ever recorded.
 */
export async function recordReceiptRule(
  dataSource: DataSource,
  env: NodeJS.ProcessEnv,
): Promise<ReceiptRule> {
  const rule = parseReceiptRule(env.RECORDFLOW_RECEIPT_RULE);
  await dataSource.query(
    `INSERT INTO calendar_setting (nation, sector, receipt_rule)
     SELECT current.nation, current.sector, $1
       FROM (SELECT NULL::text AS nation, NULL::text AS sector, 'ico'::text AS receipt_rule, 0 AS rank
             UNION ALL
             (SELECT nation, sector, receipt_rule, 1 FROM calendar_setting ORDER BY created_at DESC, id DESC LIMIT 1)
             ORDER BY rank DESC LIMIT 1) current
      WHERE current.receipt_rule <> $1`,
    [rule],
  );
  return rule;
}
