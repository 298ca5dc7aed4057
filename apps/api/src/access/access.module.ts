import { Global, Module } from '@nestjs/common';
import { AccessResolver, WorkflowAccessResolver } from './access.resolver';
import { CaseAccess } from './case-access.service';

/** Who sees which cases beyond roles (restricted workflows), and the log of personal data read. */
@Global()
@Module({
  providers: [CaseAccess, AccessResolver, WorkflowAccessResolver],
  exports: [CaseAccess],
})
export class AccessModule {}
