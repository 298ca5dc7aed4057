import { Module } from '@nestjs/common';
import { WorkflowsResolver } from './workflows.resolver';
import { WorkflowsService } from './workflows.service';

@Module({ providers: [WorkflowsResolver, WorkflowsService], exports: [WorkflowsService] })
export class WorkflowsModule {}
