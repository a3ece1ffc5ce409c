import mqtt from 'mqtt';
import { type Db, isUuid, metricCounter, Problem, type SendMail } from '../platform/index.ts';
import { batchInput, readingInput } from './sensors.api.ts';
import { authenticateDevice, ingestDeviceReadings, mailAlerts } from './sensors.service.ts';

// MQTT ingestion (decision 059). Devices publish to `txng/devices/<deviceId>/readings` a JSON object with their key:
// `{"key": "txngd_…", "readings": [{"at": …, "kind": "temperature", "value": 4.2}, …]}` or one reading with the key
// beside its fields. The program subscribes through a shared subscription, so however many worker processes run,
// each message is taken by one of them. A message that cannot be stored is counted and logged, never fatal.

const messages = metricCounter({
  name: 'txng_sensor_mqtt_messages_total',
  help: 'MQTT messages of sensor readings, by outcome (stored, rejected)',
  labelNames: ['outcome'],
});

export interface MqttIngestion {
  /** Counts since it started (the metric counts across restarts of the client). */
  stats: { stored: number; rejected: number; readings: number };
  /** Resolves once the subscription is acknowledged (tests wait for it). */
  ready: Promise<void>;
  /** Waits for the messages being stored, then disconnects. */
  stop(): Promise<void>;
}

export interface MqttOptions {
  url: string;
  /** The topic's first level; `txng` unless a province shares its broker. */
  root?: string;
  /** The shared subscription's group name. */
  group?: string;
  sendMail?: SendMail;
  log: { info(msg: string): void; warn(msg: string): void };
}

/** What a message says, or why it is refused (in words, for the log). */
function parse(topic: string, payload: Buffer, root: string) {
  const parts = topic.split('/');
  if (
    parts.length !== 4 ||
    parts[0] !== root ||
    parts[1] !== 'devices' ||
    parts[3] !== 'readings' ||
    !isUuid(parts[2])
  )
    return { error: `topic ${topic} is not ${root}/devices/<deviceId>/readings` };
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return { error: 'payload is not JSON' };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { error: 'payload is not an object' };
  const { key, ...rest } = body as Record<string, unknown>;
  if (typeof key !== 'string') return { error: 'payload has no "key"' };
  const batch = 'readings' in rest ? batchInput.safeParse(rest) : null;
  const single = batch ? null : readingInput.safeParse(rest);
  const result = batch ?? single!;
  if (!result.success) {
    const issue = result.error.issues[0];
    return { error: `invalid at /${issue.path.join('/')}: ${issue.message}` };
  }
  const readings = batch?.success ? batch.data.readings : [single!.data!];
  return { deviceId: parts[2], key, readings, batch: batch !== null };
}

/** Connects to the broker and stores what devices publish; reconnects by itself until stopped. */
export function startMqttIngestion(db: Db, opts: MqttOptions): MqttIngestion {
  const root = opts.root ?? 'txng';
  const filter = `$share/${opts.group ?? 'txng'}/${root}/devices/+/readings`;
  const stats = { stored: 0, rejected: 0, readings: 0 };
  const client = mqtt.connect(opts.url, {
    protocolVersion: 5,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
    clientId: `txng-${process.pid}-${Math.random().toString(16).slice(2, 8)}`,
    clean: true,
  });
  let resolveReady: () => void;
  const ready = new Promise<void>((r) => {
    resolveReady = r;
  });
  const where = opts.url.replace(/\/\/[^@/]*@/, '//');
  client.on('connect', () => {
    opts.log.info(`sensors: MQTT connected to ${where}, subscribing to ${filter}`);
    client.subscribe(filter, { qos: 1 }, (err) => {
      if (err) opts.log.warn(`sensors: MQTT subscription failed: ${err.message}`);
      else resolveReady();
    });
  });
  client.on('error', (err) => opts.log.warn(`sensors: MQTT ${where}: ${err.message}`));
  client.on('offline', () => opts.log.warn(`sensors: MQTT ${where} unreachable, trying again`));

  // one message at a time, in the order they came: a device's readings meet its excursions in time order
  let queue: Promise<void> = Promise.resolve();
  const reject = (topic: string, why: string) => {
    stats.rejected++;
    messages.inc({ outcome: 'rejected' });
    opts.log.warn(`sensors: MQTT message on ${topic} refused: ${why}`);
  };
  client.on('message', (topic, payload) => {
    queue = queue.then(async () => {
      const msg = parse(topic, payload, root);
      if ('error' in msg) return reject(topic, msg.error!);
      try {
        const device = await authenticateDevice(db, msg.deviceId!, msg.key);
        const result = await ingestDeviceReadings(db, device, msg.readings!, {
          source: 'mqtt',
          at: (i) => (msg.batch ? `/readings/${i}` : ''),
        });
        stats.stored++;
        stats.readings += result.stored;
        messages.inc({ outcome: 'stored' });
        if (result.excursionsOpened && opts.sendMail) void mailAlerts(db, opts.sendMail, opts.log.warn);
      } catch (err) {
        const why =
          err instanceof Problem
            ? [err.code, ...err.errors.map((e) => `${e.field} ${e.code}`)].join('; ')
            : (err as Error).message;
        reject(topic, why);
      }
    });
  });
  return {
    stats,
    ready,
    async stop() {
      await queue;
      await client.endAsync();
    },
  };
}
