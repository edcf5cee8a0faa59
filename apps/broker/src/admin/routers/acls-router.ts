// ACLs (what kafka-acls --list / --add / --remove do, through the same Authorization the Kafka port's
// DescribeAcls, CreateAcls and DeleteAcls use, so a change lands in the metadata store and applies on
// every broker): a filtered, paged list; a preview of one binding in Kafka's notation with what would
// refuse it; create one binding; delete exactly one; and the effective permissions on a topic or a
// group. Without authorizer.class.name every call but `effective` answers SECURITY_DISABLED, as
// Kafka's ACL APIs do; `effective` then says that everyone may do everything.
import { z } from 'zod';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { AdminServices } from '../../services';
import { aclBindingToFilter, type AclBinding } from '../../security/authorizer';
import { AclOperation } from '../console-access';
import { authedProcedure, router } from '../trpc';
import { accessView } from '../views/access-view';
import {
  ACL_OPERATIONS,
  ACL_PATTERN_TYPES,
  ACL_PERMISSIONS,
  ACL_RESOURCE_TYPES,
  aclBindingInput,
  aclFilterInput,
  aclGrantProblem,
  aclGrantWarnings,
  aclRow,
  bindingFromInput,
  filterFromInput,
  grantableOperations,
} from '../views/acl-view';

/** Kafka's message for the ACL APIs without an authorizer (handlers/acl-filter.ts). */
export const NO_AUTHORIZER = 'No Authorizer is configured on the broker';

function authorization(services: AdminServices) {
  const a = services.authorization;
  if (!a.enabled) throw new KafkaError(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
  return a;
}

/** Throws the first reason the binding may not be granted, as INVALID_REQUEST (Kafka's code for them). */
function checkGrant(binding: AclBinding): void {
  const problem = aclGrantProblem(binding);
  if (problem !== null) throw new KafkaError(ErrorCode.INVALID_REQUEST, problem.message);
}

export const aclsRouter = router({
  /** The form's choices: resource types with the operations each accepts, pattern types, permissions. */
  // DescribeAcls / CreateAcls, DeleteAcls: Describe / Alter on the cluster
  options: authedProcedure.query(({ ctx }) => ({
    enabled: ctx.services.authorization.enabled,
    resourceTypes: ACL_RESOURCE_TYPES.map((type) => ({ type, operations: grantableOperations(type) })),
    patternTypes: ACL_PATTERN_TYPES,
    operations: ACL_OPERATIONS,
    permissions: ACL_PERMISSIONS,
    superUsers: [...ctx.services.authorization.authorizer.config.superUsers],
    allowEveryoneIfNoAclFound: ctx.services.authorization.authorizer.config.allowEveryoneIfNoAclFound,
  })),

  list: authedProcedure
    .input(
      aclFilterInput
        .extend({ page: z.number().int().min(0).default(0), pageSize: z.number().int().min(1).max(500).default(100) })
        .prefault({}),
    )
    .query(({ ctx, input }) => {
      ctx.access.requireOnCluster(AclOperation.DESCRIBE);
      const all = authorization(ctx.services).describeAcls(filterFromInput(input));
      return { total: all.length, items: all.slice(input.page * input.pageSize, (input.page + 1) * input.pageSize).map(aclRow) };
    }),

  /** What `create` would store, in Kafka's notation, and whether it would be refused (nothing is changed). */
  preview: authedProcedure.input(aclBindingInput).query(({ ctx, input }) => {
    ctx.access.requireOnCluster(AclOperation.DESCRIBE);
    const binding = bindingFromInput(input);
    const row = aclRow(binding);
    const exists = ctx.services.authorization.enabled && ctx.services.authorization.describeAcls(aclBindingToFilter(binding)).length > 0;
    return { notation: row.notation, id: row.id, problem: aclGrantProblem(binding), warnings: aclGrantWarnings(binding), exists };
  }),

  create: authedProcedure.input(aclBindingInput).mutation(({ ctx, input }) => {
    const binding = bindingFromInput(input);
    const row = aclRow(binding);
    return ctx.admin.audited(ctx.principal, 'acl.create', row.notation, input, async () => {
      ctx.access.requireOnCluster(AclOperation.ALTER);
      const a = authorization(ctx.services);
      checkGrant(binding);
      const existed = a.describeAcls(aclBindingToFilter(binding)).length > 0;
      const [result] = await a.createAcls([binding]);
      if (result !== undefined && result.errorCode !== ErrorCode.NONE)
        throw new KafkaError(result.errorCode, result.errorMessage ?? 'The ACL was refused');
      return { ...row, created: !existed };
    });
  }),

  /** Deletes exactly this binding (every field must match); NOT_FOUND when there is no such ACL. */
  delete: authedProcedure.input(aclBindingInput).mutation(({ ctx, input }) => {
    const binding = bindingFromInput(input);
    const row = aclRow(binding);
    return ctx.admin.audited(ctx.principal, 'acl.delete', row.notation, input, async () => {
      ctx.access.requireOnCluster(AclOperation.ALTER);
      const [result] = await authorization(ctx.services).deleteAcls([aclBindingToFilter(binding)]);
      if (result !== undefined && result.errorCode !== ErrorCode.NONE)
        throw new KafkaError(result.errorCode, result.errorMessage ?? 'The ACL was not deleted');
      if (result === undefined || result.deleted.length === 0)
        throw new KafkaError(ErrorCode.RESOURCE_NOT_FOUND, `There is no ACL ${row.notation}`);
      return row;
    });
  }),

  /** Who can do what on one topic or group. */
  effective: authedProcedure
    .input(z.object({ resourceType: z.enum(['TOPIC', 'GROUP']), name: z.string().min(1).max(32_767) }))
    .query(({ ctx, input }) => {
      ctx.access.requireOnCluster(AclOperation.DESCRIBE);
      return accessView(ctx.services.authorization, input.resourceType, input.name);
    }),
});
