/**
 * The checker on two threads, for large registers: `npm run check` only (the
 * site build and the preview call `checkContent`).
 *
 * A second thread, the reader, reads and parses files (bytes, UTF-8, gray-matter,
 * js-yaml) a chunk at a time and sends each chunk here: each file's place and
 * parsed data, not its text. This thread validates every file, where the
 * cross-file rules need the entries, and reads and parses a chunk itself
 * whenever no parsed chunk is waiting. (Validating on the reader too was
 * measured slower, even sending back only the cut-down entries: two engines
 * then compile and warm up Zod's code.) The cross-file rules then run on
 * every entry in the plan's order, so the problems reported are those
 * `checkContent` finds, byte for byte.
 *
 * Only Node's own modules are imported up front: the reader is started first,
 * and loads the loader while this thread plans the work, hands it over, and
 * only then loads the rest of the pipeline.
 */
import { getCompileCacheDir } from 'node:module';
import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { PendingDiagnostic } from '../content/diagnostics.ts';
import type { ContentFile, ParsedDocument, SourceDocument } from '../content/load.ts';
import type { CheckReport, Share } from './index.ts';

/**
 * Below this many files one thread is quicker: the reader is a fresh
 * JavaScript engine that must start and load gray-matter and js-yaml before
 * it reads anything. Measured on 2 cores: one thread 3% quicker at 1,000
 * files, the same at 1,500 and 2,500, two threads 10% quicker at 4,000 and
 * 25% at 10,000.
 */
export const THREADS_FROM_FILES = 1000;

/** Files per chunk: small enough that neither thread waits long for the other at the end. */
const CHUNK_FILES = 50;

const READER_ROLE = 'register-reader';

/** The reader thread, started and waiting for the files to read. */
export interface Reader {
  worker: Worker;
  /** Where the files to read are sent, and each parsed chunk comes back. */
  port: MessagePort;
  /** The next chunk to take, shared by both threads. */
  next: Int32Array;
}

/** What the reader is given when it starts. */
interface ReaderInput {
  role: typeof READER_ROLE;
  port: MessagePort;
  next: Int32Array;
}

/** What the reader is sent once the folder has been walked. */
interface ReaderTask {
  contentDir: string;
  chunks: ContentFile[][];
}

/** A chunk as the reader sends it: its documents, and the problems found reading them (placed already). */
export interface PackedChunk {
  documents: ParsedDocument[];
  diagnostics: PendingDiagnostic[];
}

/**
 * Starts the reader, or nothing on a machine with one core. Call it as early
 * as possible: it takes as long to start as this thread takes to load the pipeline.
 */
export function startReader(): Reader | undefined {
  if (availableParallelism() < 2) return undefined;
  const { port1: port, port2 } = new MessageChannel();
  const next = new Int32Array(new SharedArrayBuffer(4));
  const input: ReaderInput = { role: READER_ROLE, port: port2, next };
  // A worker is a fresh Node instance: hand it the compile cache this process uses, if any.
  const cache = getCompileCacheDir();
  const worker = new Worker(new URL(import.meta.url), { workerData: input, transferList: [port2], env: cache ? { ...process.env, NODE_COMPILE_CACHE: cache } : process.env });
  // A reader that fails leaves its chunks unread, and they are read here instead (below):
  // the same error, if it is ours, is thrown then.
  worker.on('error', () => {});
  return { worker, port, next };
}

/**
 * Runs the whole pipeline over a content folder for its problems, with a
 * reader thread when the register is large and the machine has two cores.
 * Gives what `checkForProblems` gives. Never throws for bad content.
 *
 * `started` is a reader started earlier (see `startReader`); without one, one
 * is started here if the register is large enough.
 */
export async function checkContentInThreads(contentDir: string, options: { today?: string } = {}, started?: Reader): Promise<CheckReport> {
  const { planContent } = await import('../content/load.ts');
  const plan = planContent(contentDir);
  const reader = plan.files.length >= THREADS_FROM_FILES ? (started ?? startReader()) : undefined;
  const chunks: ContentFile[][] = [];
  if (reader) {
    for (let i = 0; i < plan.files.length; i += CHUNK_FILES) chunks.push(plan.files.slice(i, i + CHUNK_FILES));
    reader.port.postMessage({ contentDir, chunks } satisfies ReaderTask);
  }
  // The schemas and the rules load while the reader reads.
  const { checkDocuments, checkFiles, checkForProblems, finishCheck, reportOf } = await import('./index.ts');
  if (!reader) {
    // A reader started for nothing is stopped, and not waited for.
    started?.worker.unref();
    void started?.worker.terminate();
    return checkForProblems(contentDir, options, plan);
  }
  const { worker, port, next } = reader;
  const shares: Share[] = [];
  let left = chunks.length;
  const validate = ([i, chunk]: [number, PackedChunk]) => {
    shares[i] = checkDocuments(chunk.documents, chunk.diagnostics);
    left--;
  };
  const receive = () => {
    const message = receiveMessageOnPort(port);
    if (message) validate(message.message);
    return message !== undefined;
  };
  // Validate what the reader has parsed; when nothing is waiting, read a chunk here.
  for (;;) {
    if (receive()) continue;
    const i = Atomics.add(next, 0, 1);
    if (i >= chunks.length) break;
    shares[i] = checkFiles(contentDir, chunks[i], 'problems');
    left--;
  }
  // The reader's last chunks; if it stops early, the chunks it took and did not send are read here.
  await new Promise<void>((resolve) => {
    while (receive());
    if (left === 0) resolve();
    port.on('message', (message: [number, PackedChunk]) => {
      validate(message);
      if (left === 0) resolve();
    });
    worker.once('exit', () => {
      while (receive());
      resolve();
    });
  });
  port.close();
  for (const [i, chunk] of chunks.entries()) shares[i] ??= checkFiles(contentDir, chunk, 'problems');
  return reportOf(finishCheck(contentDir, plan, shares, options));
}

/** A document as the reader sends it: where it is and its parsed data; this thread reads the text again only to place a problem. */
export function packDocument({ file, kind, id, partnershipId, data }: SourceDocument): ParsedDocument {
  return { file, kind, id, partnershipId, data };
}

// The reader: once told what to read, take chunks until none is left, and send each back parsed.
if (!isMainThread && (workerData as ReaderInput | undefined)?.role === READER_ROLE) {
  const { port, next } = workerData as ReaderInput;
  const { readContentFile } = await import('../content/load.ts');
  port.once('message', ({ contentDir, chunks }: ReaderTask) => {
    for (let i = Atomics.add(next, 0, 1); i < chunks.length; i = Atomics.add(next, 0, 1)) {
      const diagnostics: PendingDiagnostic[] = [];
      const documents = chunks[i].map((file) => packDocument(readContentFile(contentDir, file, diagnostics)));
      port.postMessage([i, { documents, diagnostics } satisfies PackedChunk]);
    }
    port.close();
  });
}
