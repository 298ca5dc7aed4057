import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { type Actor, CurrentUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CasesFilter } from './dto/cases-filter.input';
import type { SavedFilter } from './saved-filter.entity';
import { SavedFiltersService } from './saved-filters.service';

@ObjectType('SavedFilter', { description: 'A case-list filter the signed-in user saved under a name.' })
export class SavedFilterModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => GraphQLJSONObject, {
    description: "The CasesFilter's fields as saved: pass them as cases(filter:).",
  })
  filter: Record<string, unknown>;

  @Field()
  createdAt: Date;
}

@InputType()
export class SaveFilterInput {
  @Field({ description: 'Saving under a name already used replaces that filter.' })
  name: string;

  @Field(() => CasesFilter)
  filter: CasesFilter;
}

const toModel = (row: SavedFilter): SavedFilterModel => ({
  id: row.id,
  name: row.name,
  filter: row.filter,
  createdAt: row.createdAt,
});

@Resolver(() => SavedFilterModel)
export class SavedFiltersResolver {
  constructor(private readonly filters: SavedFiltersService) {}

  @Roles('officer', 'auditor', 'admin')
  @Query(() => [SavedFilterModel], {
    description: "The signed-in user's saved case-list filters, by name. Roles: officer, auditor, admin.",
  })
  async savedFilters(@CurrentUser() actor: Actor): Promise<SavedFilterModel[]> {
    return (await this.filters.list(actor)).map(toModel);
  }

  @Roles('officer', 'auditor', 'admin')
  @Mutation(() => SavedFilterModel, {
    description: 'Saves a case-list filter for the signed-in user. Roles: officer, auditor, admin.',
  })
  async saveFilter(
    @CurrentUser() actor: Actor,
    @Args('input') input: SaveFilterInput,
  ): Promise<SavedFilterModel> {
    return toModel(await this.filters.save(actor, input.name, input.filter));
  }

  @Roles('officer', 'auditor', 'admin')
  @Mutation(() => SavedFilterModel, {
    description: "Deletes one of the signed-in user's saved filters. Roles: officer, auditor, admin.",
  })
  async deleteFilter(
    @CurrentUser() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SavedFilterModel> {
    return toModel(await this.filters.delete(actor, id));
  }
}
