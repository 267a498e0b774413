import { Button, Result, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { SessionInfo } from '../../../../shared/contract/types';
import { copyForNewRequest } from '../../../../shared/requests/copy';
import { emptyRequestBody, type RequestBody } from '../../../../shared/requests/schema';
import type { RequestDossier } from '../../../../shared/requests/views';
import { useOp } from '../../api/queries';
import { useSignedIn } from '../../session/SessionContext';
import type { Directory } from './form/common';
import { RequestForm } from './form/RequestForm';

/** The request as it was read when the form opened: the body the form starts from, and the
 * version its save claims. */
interface Opened {
  dossier: RequestDossier | null;
  /** What the form starts from: the request, a copy of an earlier one, or an empty one. */
  initial: RequestBody;
}

/** A new request starts in the host's own department. */
function newBody(session: SessionInfo): RequestBody {
  return { ...emptyRequestBody(), departmentId: session.user.departmentId };
}

/**
 * 接待申请单: `#/requests/new`, `#/requests/new?from=ID` (复制为新申请: a copy of request ID
 * with its dates cleared) and `#/requests/:id/edit`. Loads the policy, the directory and the
 * request (when editing, with its version for optimistic locking; when copying, the source), then
 * shows the form.
 */
export function RequestFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const session = useSignedIn();
  const from = id === undefined ? params.get('from') : null;
  // A fresh form per request (and for "new", and per source copied): no state carries over.
  return <Loader key={id ?? `new:${from ?? ''}`} id={id ?? null} from={from} session={session} />;
}

function Loader({
  id,
  from,
  session,
}: {
  id: string | null;
  from: string | null;
  session: SessionInfo;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const requestId = id !== null ? Number(id) : from !== null ? Number(from) : null;
  const badId = requestId !== null && !(Number.isInteger(requestId) && requestId > 0);
  const reading = requestId !== null && !badId;
  const editing = reading && id !== null;
  const [opened, setOpened] = useState<Opened | null>(null);

  const policy = useOp('policy.get', {});
  const departments = useOp('departments.list', {});
  const users = useOp('users.directory', {});
  // The request is read afresh when the form opens (staleTime 0: a cached copy is not enough,
  // the save claims its version) and never again: once the form shows, a refetch (an event, a
  // save elsewhere) must not replace the body being typed or unmount the form.
  const request = useOp(
    'requests.get',
    { id: requestId ?? 0 },
    { enabled: reading && opened === null, staleTime: 0 },
  );
  const requestRead = !reading || (request.isFetchedAfterMount && !request.isFetching);
  const directoryRead = !policy.isPending && !departments.isPending && !users.isPending;
  if (opened === null && !badId && requestRead && directoryRead && !request.error) {
    // Set while rendering, once: the form below starts from this and nothing later.
    const source = reading ? (request.data ?? null) : null;
    setOpened(
      editing
        ? { dossier: source, initial: source?.body ?? newBody(session) }
        : {
            dossier: null,
            initial: source
              ? copyForNewRequest(source.body, session.user.departmentId)
              : newBody(session),
          },
    );
  }
  // The lists behind the pickers may follow later reads: they never reset what was typed.
  const directory = useMemo<Directory>(
    () => ({
      policy: policy.data ?? null,
      departments: departments.data ?? [],
      users: users.data ?? [],
    }),
    [policy.data, departments.data, users.data],
  );

  type Failed = { key: string; params?: Record<string, string | number> };
  let failed: Failed | null = null;
  if (badId) failed = { key: 'requestForm.notFound' };
  else if (opened === null && request.error && !request.isFetching) {
    failed = {
      key: request.error.code === 'NOT_FOUND' ? 'requestForm.notFound' : request.error.key,
      params: request.error.params,
    };
  }
  const state =
    failed !== null
      ? ({ kind: 'error', ...failed } as const)
      : opened === null
        ? ({ kind: 'loading' } as const)
        : ({ kind: 'ready', dossier: opened.dossier, initial: opened.initial } as const);

  if (state.kind === 'loading') return <Skeleton active paragraph={{ rows: 12 }} />;
  if (state.kind === 'error') {
    return (
      <Result
        status="warning"
        title={t(state.key, state.params)}
        extra={
          <Button onClick={() => void navigate('/requests/mine')}>{t('requestForm.back')}</Button>
        }
      />
    );
  }
  const { dossier, initial } = state;
  if (dossier && !dossier.canEdit) {
    return (
      <Result
        status="info"
        title={t('requestForm.notEditable')}
        extra={
          <Button type="primary" onClick={() => void navigate(`/requests/${dossier.id}`)}>
            {t('requestForm.viewDossier')}
          </Button>
        }
      />
    );
  }
  return (
    <RequestForm session={session} dossier={dossier} directory={directory} initial={initial} />
  );
}
