/**
 * @generated SignedSource<<fa9e6346ea8e97b43c959782a1ec10dd>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type JobState = "CLOSED" | "CLOSING" | "FAILED" | "OPENED" | "OPENING" | "%future added value";
export type JobFilter = {
  deleting?: boolean | null | undefined;
  ids?: string | null | undefined;
  search?: string | null | undefined;
  states?: ReadonlyArray<JobState> | null | undefined;
};
export type RelayDocsJobsQuery$variables = {
  filter?: JobFilter | null | undefined;
};
export type RelayDocsJobsQuery$data = {
  readonly " $fragmentSpreads": FragmentRefs<"RelayDocs_jobList">;
};
export type RelayDocsJobsQuery = {
  response: RelayDocsJobsQuery$data;
  variables: RelayDocsJobsQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "filter"
  }
],
v1 = {
  "kind": "Variable",
  "name": "filter",
  "variableName": "filter"
},
v2 = [
  (v1/*:: as any*/),
  {
    "kind": "Literal",
    "name": "first",
    "value": 2
  }
],
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "state",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "nodeId",
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "RelayDocsJobsQuery",
    "selections": [
      {
        "args": [
          (v1/*:: as any*/)
        ],
        "kind": "FragmentSpread",
        "name": "RelayDocs_jobList"
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "RelayDocsJobsQuery",
    "selections": [
      {
        "alias": null,
        "args": (v2/*:: as any*/),
        "concreteType": "JobConnection",
        "kind": "LinkedField",
        "name": "jobsConnection",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "totalCount",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "concreteType": "JobEdge",
            "kind": "LinkedField",
            "name": "edges",
            "plural": true,
            "selections": [
              {
                "alias": null,
                "args": null,
                "concreteType": "Job",
                "kind": "LinkedField",
                "name": "node",
                "plural": false,
                "selections": [
                  (v3/*:: as any*/),
                  (v4/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "deleting",
                    "storageKey": null
                  },
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "Datafeed",
                    "kind": "LinkedField",
                    "name": "datafeed",
                    "plural": false,
                    "selections": [
                      (v3/*:: as any*/),
                      (v4/*:: as any*/),
                      (v5/*:: as any*/)
                    ],
                    "storageKey": null
                  },
                  (v5/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "__typename",
                    "storageKey": null
                  }
                ],
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "cursor",
                "storageKey": null
              }
            ],
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "concreteType": "PageInfo",
            "kind": "LinkedField",
            "name": "pageInfo",
            "plural": false,
            "selections": [
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "endCursor",
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "hasNextPage",
                "storageKey": null
              }
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      {
        "alias": null,
        "args": (v2/*:: as any*/),
        "filters": [
          "filter"
        ],
        "handle": "connection",
        "key": "RelayDocs_jobsConnection",
        "kind": "LinkedHandle",
        "name": "jobsConnection"
      }
    ]
  },
  "params": {
    "cacheID": "73ad192fc5e439230899ad559f823fb7",
    "id": null,
    "metadata": {},
    "name": "RelayDocsJobsQuery",
    "operationKind": "query",
    "text": "query RelayDocsJobsQuery(\n  $filter: JobFilter\n) {\n  ...RelayDocs_jobList_Vt7Yj\n}\n\nfragment RelayDocs_job on Job {\n  id\n  state\n  deleting\n  datafeed {\n    id\n    state\n    nodeId\n  }\n  nodeId\n}\n\nfragment RelayDocs_jobList_Vt7Yj on Query {\n  jobsConnection(first: 2, filter: $filter) {\n    totalCount\n    edges {\n      node {\n        id\n        ...RelayDocs_job\n        nodeId\n        __typename\n      }\n      cursor\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "f60ab0deb6aef4332d1fbbbbb680d3d8";

export default node;
