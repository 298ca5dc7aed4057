import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { repositoryRoot } from '../config/recordflow-config';
import { About, DatabaseMode } from './about.model';

export const RUNTIME = Symbol('RUNTIME');

/** Facts about this process fixed at start. */
export interface Runtime {
  database: DatabaseMode;
  demo: boolean;
}

const version = (
  JSON.parse(readFileSync(join(repositoryRoot, 'apps/api/package.json'), 'utf8')) as { version: string }
).version;

@Injectable()
export class SystemService {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  about(): About {
    return { name: 'Recordflow', version, database: this.runtime.database, demo: this.runtime.demo };
  }
}
