/**
 * @generated SignedSource<<26aa631b0df4ac24c956c2a8bc702c9c>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type RelayDocsDeleteJobMutation$variables = {
  jobId: string;
};
export type RelayDocsDeleteJobMutation$data = {
  readonly deleteJob: {
    readonly __typename: "DeletionTask";
    readonly jobId: string;
    readonly task: string;
  } | {
    // This will never be '%other', but we need some
    // value in case none of the concrete values match.
    readonly __typename: "%other";
  };
};
export type RelayDocsDeleteJobMutation = {
  response: RelayDocsDeleteJobMutation$data;
  variables: RelayDocsDeleteJobMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "jobId"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "jobId",
        "variableName": "jobId"
      },
      {
        "kind": "Literal",
        "name": "waitForCompletion",
        "value": false
      }
    ],
    "concreteType": null,
    "kind": "LinkedField",
    "name": "deleteJob",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "__typename",
        "storageKey": null
      },
      {
        "kind": "InlineFragment",
        "selections": [
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "task",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "jobId",
            "storageKey": null
          }
        ],
        "type": "DeletionTask",
        "abstractKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "RelayDocsDeleteJobMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "RelayDocsDeleteJobMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "c1d310138a03d2cda5d9f294f6568e48",
    "id": null,
    "metadata": {},
    "name": "RelayDocsDeleteJobMutation",
    "operationKind": "mutation",
    "text": "mutation RelayDocsDeleteJobMutation(\n  $jobId: ID!\n) {\n  deleteJob(jobId: $jobId, waitForCompletion: false) {\n    __typename\n    ... on DeletionTask {\n      task\n      jobId\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "c4608fe7279bc8c6346b550131ce660b";

export default node;
