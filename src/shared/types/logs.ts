export type LogStreamName = 'stdout' | 'stderr';

/** One line of a container's log, as main decodes it from the engine. */
export interface LogLine {
  stream: LogStreamName;
  /** The line without its newline; may contain ANSI escape sequences (the renderer styles them). */
  text: string;
  /** RFC 3339 with nanoseconds, as the engine wrote it (present when timestamps were asked for). */
  timestamp?: string;
  /** The line was too long and was cut here: the next line of the same stream continues it. */
  partial?: true;
}

/** What `logs.fetch` and `logs.follow` send: lines in order, in batches. */
export interface LogBatch {
  lines: LogLine[];
  /**
   * Only on the stream's first message, sent (with no lines) as soon as the engine accepted the
   * request. A second one on the same subscription means the transport subscribed again (browser
   * mode reconnecting) and the history is being sent again.
   */
  first?: true;
}

/** A container's log driver and its size limits (`docker inspect` HostConfig.LogConfig). */
export interface LogInfo {
  /** The container's id and name, so a view can say which container it shows. */
  id: string;
  name: string;
  /** json-file, local, journald, none, syslog, ... */
  driver: string;
  /** Every option the driver was given (max-size, max-file, compress, tag, ...). */
  options: Record<string, string>;
  /** The size at which the engine rotates the log, e.g. "10m"; undefined when there is none. */
  maxSize?: string;
  /** How many rotated files are kept. */
  maxFile?: number;
  /** maxSize/maxFile are the driver's built-in defaults, not options given to this container. */
  defaultLimits: boolean;
  /** The engine keeps this log without any size limit (json-file without max-size). */
  unbounded: boolean;
  /** Whether `docker logs` can read this driver's logs at all (not with "none", nor remote drivers without the cache). */
  readable: boolean;
  /** TTY containers have no separate stderr: everything arrives as stdout. */
  tty: boolean;
}
