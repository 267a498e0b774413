import { Button, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { SessionInfo } from '../../../../shared/contract/types';
import { emptyRequestBody, type RequestBody } from '../../../../shared/requests/schema';
import type { RequestDossier } from '../../../../shared/requests/views';
import { call } from '../../api/client';
import { useSignedIn } from '../../session/SessionContext';
import type { Directory } from './form/common';
import { RequestForm } from './form/RequestForm';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; key: string; params?: Record<string, string | number> }
  | { kind: 'ready'; directory: Directory; dossier: RequestDossier | null };

/** A new request starts in the host's own department. */
function newBody(session: SessionInfo): RequestBody {
  return { ...emptyRequestBody(), departmentId: session.user.departmentId };
}

/**
 * 接待申请单: `#/requests/new` and `#/requests/:id/edit`. Loads the policy, the directory and (when
 * editing) the request with its version for optimistic locking, then shows the form.
 */
export function RequestFormPage() {
  const { id } = useParams();
  const session = useSignedIn();
  // A fresh form per request (and for "new"): no state carries over between them.
  return <Loader key={id ?? 'new'} id={id ?? null} session={session} />;
}

function Loader({ id, session }: { id: string | null; session: SessionInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const requestId = id === null ? null : Number(id);
    const badId = requestId !== null && !(Number.isInteger(requestId) && requestId > 0);
    void Promise.all([
      call('policy.get', {}),
      call('departments.list', {}),
      call('users.list', {}),
      requestId === null || badId ? Promise.resolve(null) : call('requests.get', { id: requestId }),
    ]).then(([policy, departments, users, request]) => {
      if (cancelled) return;
      if (badId) return setState({ kind: 'error', key: 'requestForm.notFound' });
      if (request && !request.ok) {
        return setState({
          kind: 'error',
          key: request.error.code === 'NOT_FOUND' ? 'requestForm.notFound' : request.error.key,
          params: request.error.params,
        });
      }
      setState({
        kind: 'ready',
        dossier: request?.value ?? null,
        directory: {
          policy: policy.ok ? policy.value : null,
          departments: departments.ok ? departments.value : [],
          users: users.ok ? users.value : [],
        },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [id]);

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
  const { dossier, directory } = state;
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
    <RequestForm
      session={session}
      dossier={dossier}
      directory={directory}
      initial={dossier ? dossier.body : newBody(session)}
    />
  );
}
