// GraphiQL at /graphql for browsers, served whole from @graphql-yoga/render-graphiql (script,
// styles and editor workers inlined in the page): yoga's default page loads them from a CDN and
// stays blank without internet access. It opens on an example operation, with the header every
// operation needs already in the Headers tab, waiting for the key.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

const EXAMPLE = `# ML jobs control plane. Every operation needs
# an API key: in the Headers tab below, replace
# <your key> in "ApiKey <your key>" with yours.
# (npm start prints a bootstrap key once, on
# first start; or start it with
# ML_ADMIN_API_KEY=<a secret>.)
#
# Then press the play button (Ctrl-Enter):
query Jobs {
  jobs {
    id
    state
    deleting
    datafeed { id state }
    counts { total buckets records annotations }
  }
}

# Recent tasks (deletions), newest first:
query RecentTasks {
  tasks(limit: 10) {
    id
    description
    state
    progress { phase deleted total percent }
    error { type reason }
  }
}

# Delete a job in the background, then
# follow it (docs/deleting-jobs.md):
# mutation {
#   deleteJob(jobId: "web-latency",
#     waitForCompletion: false) {
#     ... on DeletionTask { task }
#   }
# }
# subscription {
#   taskProgress(id: "<the task>") {
#     state
#     progress { percent deleted total }
#   }
# }
`;

export const graphiqlOptions: GraphiQLOptions = {
  title: 'ML jobs control plane: GraphiQL',
  defaultQuery: EXAMPLE,
  defaultHeaders: JSON.stringify({ authorization: 'ApiKey <your key>' }, null, 2),
  // The key stays in the page, never in the browser's storage.
  shouldPersistHeaders: false,
  defaultEditorToolsVisibility: 'headers',
};

let page: string | undefined;
/** The page is ~9 MB of inlined assets and the options never change: render it once. */
export const renderOfflineGraphiQL = (options: GraphiQLOptions): string => (page ??= renderGraphiQL(options));
