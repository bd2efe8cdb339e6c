import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/**
 * Stryker's vitest runner reads the results of the tests a run collected. When a mutant makes a test file fail
 * to load (a module that throws at import), the file has no tests, the run looks clean and the mutant would
 * count as survived. This reporter turns each such file into one failed test, so the mutant counts as killed.
 */
export default class LoadFailureReporter implements Reporter {
  #vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.#vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== 'fail' || hasTests(file)) continue;
      const loadFailure: RunnerTestCase = {
        type: 'test',
        id: `${file.id}_load`,
        name: 'test file loads',
        fullName: `${file.name} test file loads`,
        mode: 'run',
        file,
        suite: file,
        meta: {},
        annotations: [],
        artifacts: [],
        context: undefined as never,
        timeout: 0,
        result: { state: 'fail', errors: file.result.errors ?? [] },
      } as unknown as RunnerTestCase;
      file.tasks.push(loadFailure);
    }
  }
}

function hasTests(suite: { tasks: RunnerTestFile['tasks'] }): boolean {
  return suite.tasks.some((task) => task.type === 'test' || (task.type === 'suite' && hasTests(task)));
}
