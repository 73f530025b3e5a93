/**
 * @generated SignedSource<<d0942872c8f2a45bbec586e39a7d0258>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type DatafeedState = "STARTED" | "STARTING" | "STOPPED" | "STOPPING" | "%future added value";
export type JobState = "CLOSED" | "CLOSING" | "FAILED" | "OPENED" | "OPENING" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type RelayDocs_job$data = {
  readonly datafeed: {
    readonly id: string;
    readonly state: DatafeedState;
  } | null | undefined;
  readonly deleting: boolean;
  readonly id: string;
  readonly nodeId: string;
  readonly state: JobState;
  readonly " $fragmentType": "RelayDocs_job";
};
export type RelayDocs_job$key = {
  readonly " $data"?: RelayDocs_job$data;
  readonly " $fragmentSpreads": FragmentRefs<"RelayDocs_job">;
};

import RelayDocsJobRefetchQuery_graphql from './RelayDocsJobRefetchQuery.graphql';

const node: ReaderFragment = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "state",
  "storageKey": null
};
return {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": {
    "refetch": {
      "connection": null,
      "fragmentPathInResult": [
        "node"
      ],
      "operation": RelayDocsJobRefetchQuery_graphql,
      "identifierInfo": {
        "identifierField": "nodeId",
        "identifierQueryVariableName": "nodeId"
      }
    }
  },
  "name": "RelayDocs_job",
  "selections": [
    (v0/*:: as any*/),
    (v1/*:: as any*/),
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
        (v0/*:: as any*/),
        (v1/*:: as any*/)
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "nodeId",
      "storageKey": null
    }
  ],
  "type": "Job",
  "abstractKey": null
};
})();

(node as any).hash = "a93827407eb6e665cd364d1571659d48";

export default node;
