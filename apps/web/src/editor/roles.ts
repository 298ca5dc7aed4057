import { ROLE_NAMES } from '@recordflow/workflow';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import { request } from '../graphql';

const EditorRolesQuery = graphql(`
  query EditorRoles {
    roles { name }
  }
`);

let loaded: Promise<string[]> | null = null;

/** The roles transitions may name: built in (system included) and those administrators defined, read once from the api. */
export function useKnownRoles(): string[] {
  const [roles, setRoles] = useState<string[]>([...ROLE_NAMES]);
  useEffect(() => {
    loaded ??= request(EditorRolesQuery).then(
      ({ roles }) => [...new Set([...ROLE_NAMES, ...roles.map((r) => r.name)])],
      () => {
        loaded = null;
        return [...ROLE_NAMES];
      },
    );
    let current = true;
    loaded.then((names) => current && setRoles(names));
    return () => {
      current = false;
    };
  }, []);
  return roles;
}
