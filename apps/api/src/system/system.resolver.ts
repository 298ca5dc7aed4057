import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/roles.decorator';
import { About } from './about.model';
import { SystemService } from './system.service';

@Resolver(() => About)
export class SystemResolver {
  constructor(private readonly system: SystemService) {}

  @Public()
  @Query(() => About, { description: 'The server name, version and database mode. Open to everyone.' })
  about(): About {
    return this.system.about();
  }
}
