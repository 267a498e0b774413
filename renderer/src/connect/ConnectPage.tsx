import { Alert, Button, Card, Checkbox, Form, Input, Space, Spin, Typography } from 'antd';
import { useReducer, type ReactNode } from 'react';
import type {
  ConnectBridge,
  ConnectLanguage,
  ServerView,
} from '../../../shared/contract/connect-window';
import { CONNECT_STRINGS, type ConnectStrings } from './strings';
import {
  INITIAL_STATE,
  canConnect,
  certificateNames,
  connectReducer,
  failureMessage,
  fingerprintGroups,
  formatDate,
} from './state';

/**
 * The desktop app's first-run choice (issue 14): "只在本机使用" or "连接公司服务器". Shown in a
 * window of its own whose preload gives `window.connectApi` and nothing else; main validates and
 * decides every step (main/electron/connect-flow.ts), this page only asks and shows.
 */
export function ConnectPage({ api }: { api: ConnectBridge }) {
  const language = api.locale;
  const s = CONNECT_STRINGS[language];
  const [state, dispatch] = useReducer(connectReducer, INITIAL_STATE);
  const { phase } = state;
  // An answer may come after the page has moved on (the address was edited meanwhile): the
  // reducer ignores an answer for a step the page is no longer at.

  const chooseLocal = async () => {
    dispatch({ type: 'pick-local' });
    dispatch({ type: 'saved-local', answer: await api.choose({ mode: 'local' }) });
  };
  const check = async () => {
    const { address } = state;
    dispatch({ type: 'check' });
    dispatch({ type: 'checked', answer: await api.probe(address) });
  };
  const connect = async () => {
    if (state.phase.kind !== 'checked' || !canConnect(state)) return;
    const { server, confirmed } = state.phase;
    dispatch({ type: 'connect' });
    const answer = await api.choose({
      mode: 'server',
      origin: server.origin,
      fingerprint256: server.fingerprint256,
      fingerprintConfirmed: confirmed,
    });
    dispatch({ type: 'connected', answer });
  };

  const failure = state.failure ? failureMessage(state.failure, language) : null;
  const failureAlert = failure && !failure.field && (
    <Alert
      type="error"
      showIcon
      title={failure.text}
      description={failure.detail}
      className="connect-alert"
      data-testid="connect-error"
    />
  );

  let body: ReactNode;
  if (phase.kind === 'done') {
    body = (
      <div className="connect-done" role="status">
        <Spin />
        <Typography.Text>
          {phase.mode === 'local' ? s.openingLocal : s.openingServer}
        </Typography.Text>
      </div>
    );
  } else if (phase.kind === 'choose' || phase.kind === 'saving-local') {
    body = (
      <>
        <Typography.Paragraph>{s.intro}</Typography.Paragraph>
        {failureAlert}
        <div className="connect-options">
          <Option
            title={s.localTitle}
            text={s.localText}
            loading={phase.kind === 'saving-local'}
            disabled={phase.kind === 'saving-local'}
            onClick={() => void chooseLocal()}
            testId="choose-local"
          />
          <Option
            title={s.serverTitle}
            text={s.serverText}
            disabled={phase.kind === 'saving-local'}
            onClick={() => dispatch({ type: 'pick-server' })}
            testId="choose-server"
          />
        </div>
      </>
    );
  } else {
    const busy = phase.kind === 'checking' || phase.kind === 'connecting';
    const fieldError = failure?.field ? failure.text : undefined;
    const server = phase.kind === 'checked' || phase.kind === 'connecting' ? phase : null;
    const awaitingConfirmation =
      phase.kind === 'checked' && phase.server.trust === 'self-signed' && !phase.confirmed;
    body = (
      <>
        <Form layout="vertical" component="form" onFinish={() => void check()}>
          <Form.Item
            label={s.addressLabel}
            htmlFor="server-address"
            validateStatus={fieldError ? 'error' : undefined}
            help={fieldError}
            extra={s.addressHelp}
            className="connect-address"
          >
            <Space.Compact block>
              <Input
                id="server-address"
                value={state.address}
                onChange={(e) => dispatch({ type: 'typed', address: e.target.value })}
                placeholder={s.addressPlaceholder}
                disabled={busy}
                autoFocus
                spellCheck={false}
                autoComplete="off"
                aria-invalid={fieldError ? true : undefined}
              />
              <Button htmlType="submit" loading={phase.kind === 'checking'} disabled={busy}>
                {s.check}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
        {failureAlert}
        {server && (
          <ServerFacts
            server={server.server}
            confirmed={server.confirmed}
            disabled={phase.kind === 'connecting'}
            onConfirm={(confirmed) => dispatch({ type: 'confirm', confirmed })}
            s={s}
            language={language}
          />
        )}
        <div className="connect-actions">
          <Button onClick={() => dispatch({ type: 'back' })} disabled={busy}>
            {s.back}
          </Button>
          {/* Why 连接 is not available yet, beside it (and read out with it). */}
          {awaitingConfirmation && (
            <Typography.Text type="secondary" id="connect-why" className="connect-why">
              {s.confirmFirst}
            </Typography.Text>
          )}
          <Button
            type="primary"
            onClick={() => void connect()}
            disabled={!canConnect(state)}
            loading={phase.kind === 'connecting'}
            aria-describedby={awaitingConfirmation ? 'connect-why' : undefined}
            data-testid="connect"
          >
            {s.connect}
          </Button>
        </div>
      </>
    );
  }

  const onServerForm = !['choose', 'saving-local', 'done'].includes(phase.kind);
  return (
    <main className="connect-screen">
      <Card className="connect-card">
        <Typography.Text type="secondary">{s.appName}</Typography.Text>
        <Typography.Title level={1} className="connect-title">
          {onServerForm ? s.serverFormTitle : s.title}
        </Typography.Title>
        {body}
      </Card>
    </main>
  );
}

function Option(props: {
  title: string;
  text: string;
  onClick: () => void;
  disabled?: boolean;
  loading?: boolean;
  testId: string;
}) {
  return (
    <Button
      className="connect-option"
      block
      onClick={props.onClick}
      disabled={props.disabled}
      loading={props.loading}
      data-testid={props.testId}
    >
      <span className="connect-option-title">{props.title}</span>
      <span className="connect-option-text">{props.text}</span>
    </Button>
  );
}

function ServerFacts(props: {
  server: ServerView;
  confirmed: boolean;
  disabled: boolean;
  onConfirm: (confirmed: boolean) => void;
  s: ConnectStrings;
  language: ConnectLanguage;
}) {
  const { server, s, language } = props;
  const selfSigned = server.trust === 'self-signed';
  return (
    <section className="connect-server" aria-labelledby="connect-server-heading">
      <Typography.Title level={2} id="connect-server-heading" className="connect-server-heading">
        {s.serverHeading}
      </Typography.Title>
      <dl className="connect-facts">
        <dt>{s.factServer}</dt>
        <dd data-testid="server-host">{server.host}</dd>
        <dt>{s.factCertificate}</dt>
        <dd data-testid="server-trust">{selfSigned ? s.trustSelfSigned : s.trustSystem}</dd>
        {!selfSigned && (
          <>
            <dt>{s.factIssuer}</dt>
            <dd className="connect-wrap">{server.issuer}</dd>
          </>
        )}
        <dt>{s.factNames}</dt>
        <dd className="connect-wrap">
          {certificateNames(server.names).join(language === 'en' ? ', ' : '、')}
        </dd>
        <dt>{s.factValidTo}</dt>
        <dd>{formatDate(server.validTo, language)}</dd>
      </dl>
      {selfSigned && (
        <div className="connect-compare">
          <Alert type="warning" showIcon title={s.compareTitle} description={s.compareText} />
          <div className="connect-fingerprint-label" id="fingerprint-label">
            {s.fingerprintLabel}
          </div>
          <div
            className="connect-fingerprint"
            role="group"
            aria-labelledby="fingerprint-label"
            data-testid="fingerprint"
          >
            {fingerprintGroups(server.fingerprint256).map((g, i) => (
              <code key={i}>{g}</code>
            ))}
          </div>
          <Checkbox
            checked={props.confirmed}
            disabled={props.disabled}
            onChange={(e) => props.onConfirm(e.target.checked)}
            data-testid="fingerprint-confirmed"
          >
            {s.confirm}
          </Checkbox>
        </div>
      )}
    </section>
  );
}
