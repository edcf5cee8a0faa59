export function brokerNodeOptions(env?: NodeJS.ProcessEnv): string[];
