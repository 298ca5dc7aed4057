import { Setting } from '../settings/setting.entity';

/** Every TypeORM entity of the api. */
export const entities = [Setting];
