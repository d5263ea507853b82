// The portal's slides and materials: the shared editor, talking to the link holder's own routes; loaded on demand so
// the portal's first page stays light.
import type { InferRequestType } from 'hono/client';
import { api, read } from '../api';
import { pick } from '../i18n';
import { type MaterialsApi, MaterialsEditor } from '../materials/MaterialsEditor';
import type { PortalSession } from './portal-api';

type UploadQuery = InferRequestType<(typeof api.api.portal)[':token']['materials']['file']['$post']>['query'];

function portalMaterials(token: string): MaterialsApi {
  const route = api.api.portal[':token'].materials;
  const param = { token };
  return {
    list: async () => (await read(route.$get({ param }))).materials,
    // hc's $url() needs an absolute base: the same path, built here, with the route's query type.
    uploadUrl: (query: UploadQuery) =>
      `/api/portal/${encodeURIComponent(token)}/materials/file?${new URLSearchParams(query)}`,
    addLink: async (json) => {
      await read(route.link.$post({ param, json }));
    },
    setVisibility: async (id, visibility) => {
      await read(route[':id'].$patch({ param: { token, id }, json: { visibility } }));
    },
    remove: async (id) => {
      await read(route[':id'].$delete({ param: { token, id } }));
    },
  };
}

export default function PortalMaterials(props: { token: string; sessions: PortalSession[] }) {
  return (
    <div class="card portal-section">
      <MaterialsEditor
        api={portalMaterials(props.token)}
        heading="h2"
        sessions={props.sessions
          .filter((s) => s.answer !== 'declined')
          .map((s) => ({ id: s.id, label: pick(s.title) }))}
      />
    </div>
  );
}
