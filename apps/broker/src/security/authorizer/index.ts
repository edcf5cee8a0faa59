// Kafka's authorizer: the ACL model, its names and storage form, and the StandardAuthorizer.
export * from './acl';
export * from './acl-binding-filter';
export * from './acl-changes';
export * from './acl-names';
export * from './acl-record';
export * from './acl-validation';
export * from './authorization-rule';
export * from './authorizer';
export * from './authorizer-config';
export * from './effective-permissions';
export * from './host-address';
export * from './kafka-principal';
export * from './operations';
