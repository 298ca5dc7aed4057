import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A one-time code that hands a single sign-on to the web app: made at the provider's callback, given to
 * the browser in a URL fragment, exchanged once (and deleted) for a session token within a minute.
 */
@Entity('sign_in_code')
@Index('sign_in_code_expires', ['expiresAt'])
export class SignInCode {
  /** SHA-256 of the code; the code itself is never stored. */
  @PrimaryColumn('text', { name: 'code_hash', primaryKeyConstraintName: 'PK_sign_in_code' })
  codeHash: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
