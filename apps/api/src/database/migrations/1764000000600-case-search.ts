import type { MigrationInterface, QueryRunner } from 'typeorm';

// ASCII punctuation splits reference and subject words ("FOI-2026-000123" is foi, 2026, 000123), as before.
const PUNCTUATION = `'[\\x01-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F]+'`;

/**
 * Full-text search over the request text and correspondence, in the same search_words column and GIN
 * index as the reference and subject words (1764000000004): reference and subject stay as typed words
 * ('simple', so a half-typed word still matches), subject, request text and the e-mails sent are added
 * as English stems. case_correspondence_text is the one place that says which correspondence is
 * searched, so a later source (incoming mail, notes) redefines that function only. Also: saved
 * filters, and the indexes the requester, exemption and outcome filters use.
 */
export class CaseSearch1764000000600 implements MigrationInterface {
  name = 'CaseSearch1764000000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION case_correspondence_text(case_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
         SELECT coalesce(string_agg(m.subject || ' ' || m.body, ' ' ORDER BY m.created_at), '')
           FROM outgoing_mail m WHERE m.case_id = $1
       $$`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION case_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_words :=
           setweight(to_tsvector('simple', regexp_replace(NEW.reference || ' ' || NEW.subject, ${PUNCTUATION}, ' ', 'g')), 'A')
           || setweight(to_tsvector('english', NEW.subject), 'A')
           || setweight(to_tsvector('english', NEW.request_text), 'B')
           || setweight(to_tsvector('english', case_correspondence_text(NEW.id)), 'C');
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`DROP TRIGGER case_search_words ON "case"`);
    await queryRunner.query(
      `CREATE TRIGGER case_search_words BEFORE INSERT OR UPDATE OF reference, subject, request_text ON "case"
       FOR EACH ROW EXECUTE FUNCTION case_search_words()`,
    );
    // An e-mail queued, changed or removed recomputes its case's words (erasing a body erases its words too).
    await queryRunner.query(
      `CREATE FUNCTION outgoing_mail_search() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE "case" SET request_text = request_text
          WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER outgoing_mail_search AFTER INSERT OR DELETE OR UPDATE OF subject, body ON outgoing_mail
       FOR EACH ROW EXECUTE FUNCTION outgoing_mail_search()`,
    );
    // Each word matches a reference or subject word it starts (the last) or equals, or an English stem of
    // any text; a word English leaves out (the, of) narrows nothing. Immutable: planned as a constant.
    await queryRunner.query(
      `CREATE FUNCTION case_search_query(words text[]) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE STRICT AS $$
       DECLARE
         result tsquery;
         typed tsquery;
         word text;
         term text;
         english tsquery;
         i int := 0;
       BEGIN
         FOREACH word IN ARRAY words LOOP
           i := i + 1;
           term := quote_literal(word) || CASE WHEN i = cardinality(words) THEN ':*' ELSE '' END;
           typed := CASE WHEN typed IS NULL THEN to_tsquery('simple', term) ELSE typed && to_tsquery('simple', term) END;
           english := to_tsquery('english', term);
           CONTINUE WHEN numnode(english) = 0;
           english := CASE WHEN english::text = to_tsquery('simple', term)::text THEN english
                           ELSE to_tsquery('simple', term) || english END;
           result := CASE WHEN result IS NULL THEN english ELSE result && english END;
         END LOOP;
         RETURN coalesce(result, typed);
       END $$`,
    );
    await queryRunner.query(`UPDATE "case" SET request_text = request_text`);
    await queryRunner.query(
      `CREATE TABLE "saved_filter" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" text NOT NULL, "filter" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_efff8142c6db3d6ed6f47bc2719" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "saved_filter_user_name" ON "saved_filter"  ("user_id", "name") `,
    );
    await queryRunner.query(
      `ALTER TABLE "saved_filter" ADD CONSTRAINT "FK_ac2504faca95269034100121927" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "case_requester" ON "case"  ("requester_id") `);
    await queryRunner.query(
      `CREATE INDEX "requester_search" ON "requester" USING gin ((coalesce("name", '') || ' ' || coalesce("email", '')) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_report_exemptions" ON "case_report" USING gin ("exemptions")`,
    );
    await queryRunner.query(`CREATE INDEX "case_report_outcome" ON "case_report" ("outcome")`);
    // Searches run over every status: the list's order without the status first, to walk while filtering.
    await queryRunner.query(
      `CREATE INDEX "case_all_order" ON "case" ((coalesce("due_on", '9999-12-31'::date)), "reference")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "case_all_order"`);
    await queryRunner.query(`DROP INDEX "case_report_outcome"`);
    await queryRunner.query(`DROP INDEX "case_report_exemptions"`);
    await queryRunner.query(`DROP INDEX "requester_search"`);
    await queryRunner.query(`DROP INDEX "case_requester"`);
    await queryRunner.query(`DROP TABLE "saved_filter"`);
    await queryRunner.query(`DROP FUNCTION case_search_query(text[])`);
    await queryRunner.query(`DROP TRIGGER outgoing_mail_search ON outgoing_mail`);
    await queryRunner.query(`DROP FUNCTION outgoing_mail_search()`);
    await queryRunner.query(`DROP TRIGGER case_search_words ON "case"`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION case_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_words := to_tsvector('simple', regexp_replace(NEW.reference || ' ' || NEW.subject, ${PUNCTUATION}, ' ', 'g'));
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_search_words BEFORE INSERT OR UPDATE OF reference, subject ON "case"
       FOR EACH ROW EXECUTE FUNCTION case_search_words()`,
    );
    await queryRunner.query(`UPDATE "case" SET subject = subject`);
    await queryRunner.query(`DROP FUNCTION case_correspondence_text(uuid)`);
  }
}
