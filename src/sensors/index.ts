import type { FastifyInstance } from 'fastify';
import './sensors.policy.ts';
import './sensors.messages.ts';
import { registerAuditSubject } from '../audit/index.ts';
import { connectEpcisReadings } from './sensors.epcis.ts';
import { type MqttIngestion, startMqttIngestion } from './sensors.mqtt.ts';
import { findDevice } from './sensors.repo.ts';
import { sensorRoutes } from './sensors.routes.ts';
import { mailAlerts } from './sensors.service.ts';

// What other modules may call.
export { sensorValuesOf } from './sensors.epcis.ts';
export { type MqttIngestion, startMqttIngestion } from './sensors.mqtt.ts';
export { ingestReadings, publishedExcursionsOfLot } from './sensors.service.ts';

registerAuditSubject('sensor_device', async (db, id) => (await findDevice(db, id))?.name ?? null);

/**
 * Sensors and alerts (issue 16 §3, decision 059): readings from captured EPCIS events (a capture rule), from devices
 * (their own keys) and from an MQTT broker when TXNG_MQTT_URL is set; thresholds, excursions, alerts.
 */
export default async function sensors(app: FastifyInstance) {
  connectEpcisReadings();
  await app.register(sensorRoutes);
  // alerts raised inside a capture's transaction are mailed by this sweep (the device routes mail at once)
  const timer = setInterval(() => void mailAlerts(app.db, app.sendMail, (m) => app.log.warn(m)), 60_000);
  timer.unref();
  let mqttIngestion: MqttIngestion | null = null;
  app.addHook('onReady', async () => {
    if (app.config.mqttUrl)
      mqttIngestion = startMqttIngestion(app.db, {
        url: app.config.mqttUrl,
        sendMail: app.sendMail,
        log: app.log,
      });
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await mqttIngestion?.stop();
  });
}
