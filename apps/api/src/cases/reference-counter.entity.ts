import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last reference number given per prefix and year; bumped with an upsert in the case's transaction. */
@Entity('reference_counter')
export class ReferenceCounter {
  @PrimaryColumn('text')
  prefix: string;

  @PrimaryColumn('integer')
  year: number;

  @Column('integer')
  last: number;
}
