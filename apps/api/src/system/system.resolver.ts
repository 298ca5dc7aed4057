import { Query, Resolver } from '@nestjs/graphql';
import { About } from './about.model';
import { SystemService } from './system.service';

@Resolver(() => About)
export class SystemResolver {
  constructor(private readonly system: SystemService) {}

  @Query(() => About, { description: 'The server name, version and database mode.' })
  about(): About {
    return this.system.about();
  }
}
