// What the end-to-end tests may use of this service's test support (`@c2c/notifications-app/testing`).
export { WebhookReceiver, type ReceivedRequest, type ScriptedAnswer } from './webhook-receiver';
export { SmtpCapture, type CapturedEmail } from './smtp-capture';
