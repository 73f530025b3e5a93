import type { Annotation as AnnotationModel } from '../generated/prisma/client.ts';
import { listAnnotations, putAnnotation } from '../jobs/annotations.ts';
import { announceJobChange } from '../events/publish.ts';
import { builder } from './builder.ts';
import { guarded } from './guard.ts';
import { Node, nodeIdOf } from './node.ts';

const Annotation = builder.objectRef<AnnotationModel>('Annotation').implement({
  description: "A note on a job's timeline. Annotations outlive their job unless its deletion removes them.",
  interfaces: [Node],
  fields: (t) => ({
    nodeId: t.id(nodeIdOf('Annotation')),
    id: t.id({ resolve: (annotation) => String(annotation.id) }),
    jobId: t.exposeID('jobId'),
    timestamp: t.field({ type: 'DateTime', resolve: (annotation) => annotation.timestamp }),
    text: t.exposeString('text'),
    createdBy: t.exposeString('createdBy', { description: '`_xpack` for system annotations, otherwise the API key name that wrote it.' }),
  }),
});

/** Shared with ResultsInput.annotations (system annotations). */
export const AnnotationInput = builder.inputType('AnnotationInput', {
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', required: true }),
    text: t.string({ required: true }),
  }),
});

builder.queryField('annotations', (t) =>
  t.field({
    type: [Annotation],
    description: "Annotations survive their job's deletion, so this works for deleted jobs too.",
    args: { jobId: t.arg.id({ required: true }) },
    resolve: guarded('annotations', ({ jobId }, ctx) => listAnnotations(ctx.services.db, jobId)),
  }),
);

builder.mutationField('putAnnotation', (t) =>
  t.field({
    type: Annotation,
    description: "A user annotation (createdBy = the caller's API key name).",
    args: { jobId: t.arg.id({ required: true }), input: t.arg({ type: AnnotationInput, required: true }) },
    resolve: guarded('putAnnotation', ({ jobId, input }, ctx, principal) =>
      announceJobChange(ctx.services.pubsub, 'UPDATED', putAnnotation(ctx.services.db, jobId, input, principal.name), () => jobId),
    ),
  }),
);
