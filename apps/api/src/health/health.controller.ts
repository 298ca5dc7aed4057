import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';

/** Liveness and readiness in one: the process answers and its database answers. */
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async check() {
    const started = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      throw new ServiceUnavailableException({
        status: 'error',
        database: { status: 'error', message: (error as Error).message },
      });
    }
    return { status: 'ok', database: { status: 'ok', latencyMs: Math.round(performance.now() - started) } };
  }
}
