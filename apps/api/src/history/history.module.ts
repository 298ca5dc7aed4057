import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { HistoryResolver } from './history.resolver';

@Module({ providers: [AuditService, HistoryResolver], exports: [AuditService] })
export class HistoryModule {}
