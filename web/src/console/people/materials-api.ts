// The console's side of a person's materials: the editor's API through the typed client, for one person of one event.
import { api, read } from '../../api';
import type { MaterialsApi } from '../../materials/MaterialsEditor';

export function personMaterials(slug: string, personId: string): MaterialsApi {
  const route = api.api.events[':slug'].people[':personId'].materials;
  const param = { slug, personId };
  return {
    list: async () => (await read(route.$get({ param }))).materials,
    uploadUrl: (query) => route.file.$url({ param, query }).toString(),
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
