/**
 * A count of the guard analysis's work for one file: nodes whose facts it derives, facts it
 * combines, uses it reads. Deterministic where time is not, so that a test can check that the
 * work grows with the file and no faster.
 */
export interface StepCounter {
  steps: number;
}
