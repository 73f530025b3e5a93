/**
 * @generated SignedSource<<2e8c4d6978767cfb3529e0f7d5ac73b0>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type JobEventKind = "CREATED" | "DELETED" | "DELETING" | "UPDATED" | "%future added value";
export type JobState = "CLOSED" | "CLOSING" | "FAILED" | "OPENED" | "OPENING" | "%future added value";
export type JobFilter = {
  deleting?: boolean | null | undefined;
  ids?: string | null | undefined;
  search?: string | null | undefined;
  states?: ReadonlyArray<JobState> | null | undefined;
};
export type RelayDocsJobEventsSubscription$variables = {
  filter?: JobFilter | null | undefined;
};
export type RelayDocsJobEventsSubscription$data = {
  readonly jobEvents: {
    readonly deletedNodeId: string | null | undefined;
    readonly job: {
      readonly " $fragmentSpreads": FragmentRefs<"RelayDocs_job">;
    } | null | undefined;
    readonly jobId: string;
    readonly kind: JobEventKind;
  };
};
export type RelayDocsJobEventsSubscription = {
  response: RelayDocsJobEventsSubscription$data;
  variables: RelayDocsJobEventsSubscription$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "filter"
  }
],
v1 = [
  {
    "kind": "Variable",
    "name": "filter",
    "variableName": "filter"
  }
],
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "kind",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "jobId",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "deletedNodeId",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v6 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "state",
  "storageKey": null
},
v7 = {
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
    "name": "RelayDocsJobEventsSubscription",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "JobEvent",
        "kind": "LinkedField",
        "name": "jobEvents",
        "plural": false,
        "selections": [
          (v2/*:: as any*/),
          (v3/*:: as any*/),
          (v4/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "concreteType": "Job",
            "kind": "LinkedField",
            "name": "job",
            "plural": false,
            "selections": [
              {
                "args": null,
                "kind": "FragmentSpread",
                "name": "RelayDocs_job"
              }
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ],
    "type": "Subscription",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "RelayDocsJobEventsSubscription",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "JobEvent",
        "kind": "LinkedField",
        "name": "jobEvents",
        "plural": false,
        "selections": [
          (v2/*:: as any*/),
          (v3/*:: as any*/),
          (v4/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "filters": null,
            "handle": "deleteRecord",
            "key": "",
            "kind": "ScalarHandle",
            "name": "deletedNodeId"
          },
          {
            "alias": null,
            "args": null,
            "concreteType": "Job",
            "kind": "LinkedField",
            "name": "job",
            "plural": false,
            "selections": [
              (v5/*:: as any*/),
              (v6/*:: as any*/),
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
                  (v5/*:: as any*/),
                  (v6/*:: as any*/),
                  (v7/*:: as any*/)
                ],
                "storageKey": null
              },
              (v7/*:: as any*/)
            ],
            "storageKey": null
          }
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "ef0fd35da8c895151829170046d41930",
    "id": null,
    "metadata": {},
    "name": "RelayDocsJobEventsSubscription",
    "operationKind": "subscription",
    "text": "subscription RelayDocsJobEventsSubscription(\n  $filter: JobFilter\n) {\n  jobEvents(filter: $filter) {\n    kind\n    jobId\n    deletedNodeId\n    job {\n      ...RelayDocs_job\n      nodeId\n    }\n  }\n}\n\nfragment RelayDocs_job on Job {\n  id\n  state\n  deleting\n  datafeed {\n    id\n    state\n    nodeId\n  }\n  nodeId\n}\n"
  }
};
})();

(node as any).hash = "b5c42bf1a4f1af5623febb2fe0b6a11c";

export default node;
