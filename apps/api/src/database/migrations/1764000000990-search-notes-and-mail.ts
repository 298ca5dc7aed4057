import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case search also finds the words of internal notes and of e-mails received on the case: the one
 * function that says which correspondence is searched takes them in, and adding, changing or removing
 * one recomputes its case's words (erasing a received e-mail's text erases its words too).
 */
export class SearchNotesAndMail1764000000990 implements MigrationInterface {
  name = 'SearchNotesAndMail1764000000990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION case_correspondence_text(case_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
         SELECT concat_ws(' ',
           (SELECT string_agg(m.subject || ' ' || m.body, ' ' ORDER BY m.created_at) FROM outgoing_mail m WHERE m.case_id = $1),
           (SELECT string_agg(i.subject || ' ' || i.text, ' ' ORDER BY i.arrived_at) FROM incoming_mail i WHERE i.case_id = $1),
           (SELECT string_agg(n.text, ' ' ORDER BY n.created_at) FROM case_note n WHERE n.case_id = $1))
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION case_text_source_search() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE "case" SET request_text = request_text
          WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.case_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.case_id END);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER case_note_search AFTER INSERT OR DELETE OR UPDATE OF text ON case_note
       FOR EACH ROW EXECUTE FUNCTION case_text_source_search()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER incoming_mail_search AFTER INSERT OR DELETE OR UPDATE OF case_id, subject, text ON incoming_mail
       FOR EACH ROW EXECUTE FUNCTION case_text_source_search()`,
    );
    await queryRunner.query(
      `UPDATE "case" SET request_text = request_text
        WHERE id IN (SELECT case_id FROM case_note UNION SELECT case_id FROM incoming_mail WHERE case_id IS NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER incoming_mail_search ON incoming_mail`);
    await queryRunner.query(`DROP TRIGGER case_note_search ON case_note`);
    await queryRunner.query(`DROP FUNCTION case_text_source_search()`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION case_correspondence_text(case_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
         SELECT coalesce(string_agg(m.subject || ' ' || m.body, ' ' ORDER BY m.created_at), '')
           FROM outgoing_mail m WHERE m.case_id = $1
       $$`,
    );
  }
}
