import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { CaseHistoryResolver } from './case-history.resolver';
import { HistoryResolver } from './history.resolver';

@Module({ providers: [AuditService, HistoryResolver, CaseHistoryResolver], exports: [AuditService] })
export class HistoryModule {}
