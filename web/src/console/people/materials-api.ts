// The console's side of a person's materials: the editor's API through the typed client, for one person of one event.
import type { InferRequestType } from 'hono/client';
import { api, read } from '../../api';
import type { MaterialsApi } from '../../materials/MaterialsEditor';

type UploadQuery = InferRequestType<
  (typeof api.api.events)[':slug']['people'][':personId']['materials']['file']['$post']
>['query'];

export function personMaterials(slug: string, personId: string): MaterialsApi {
  const route = api.api.events[':slug'].people[':personId'].materials;
  const param = { slug, personId };
  return {
    list: async () => (await read(route.$get({ param }))).materials,
    // hc's $url() needs an absolute base, and the client's is '/': the same path, built here, with the route's query type.
    uploadUrl: (query: UploadQuery) =>
      `/api/events/${encodeURIComponent(slug)}/people/${encodeURIComponent(personId)}/materials/file?${new URLSearchParams(query)}`,
    addLink: async (json) => {
      await read(route.link.$post({ param, json }));
    },
    setVisibility: async (id, visibility) => {
      await read(route[':id'].$patch({ param: { ...param, id }, json: { visibility } }));
    },
    remove: async (id) => {
      await read(route[':id'].$delete({ param: { ...param, id } }));
    },
  };
}
