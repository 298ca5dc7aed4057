import { Global, Module } from '@nestjs/common';
import { PeopleResolver, TeamMembersResolver, UserTeamsResolver } from './people.resolver';
import { PeopleService } from './people.service';

@Global()
@Module({
  providers: [PeopleService, PeopleResolver, UserTeamsResolver, TeamMembersResolver],
  exports: [PeopleService],
})
export class PeopleModule {}
