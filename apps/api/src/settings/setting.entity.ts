import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('setting')
export class Setting {
  @PrimaryColumn('text')
  key: string;

  @Column('jsonb')
  value: unknown;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
