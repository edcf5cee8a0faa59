export function brokerNodeOptions(env?: NodeJS.ProcessEnv): string[];
export const brokerEntry: string;
export function brokerCommand(
  args: string[],
  options?: { nodeArgs?: string[]; entry?: string; env?: NodeJS.ProcessEnv },
): [string, string[]];
