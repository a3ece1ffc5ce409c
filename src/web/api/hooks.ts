import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ListControl, Page } from '../components/list-state.ts';
import { api, get } from './client.ts';

/** A server-paged list (`{ items, page, pageSize, total }`) driven by a table's list state. */
export function usePage<T>(
  path: string,
  control: ListControl,
  extra: Record<string, string | undefined> = {},
) {
  const query = { ...control.query, ...extra };
  return useQuery({
    queryKey: [path, query],
    queryFn: () => get<Page<T>>(path, query),
    placeholderData: (previous) => previous,
  });
}

export function useGet<T>(path: string | null, query?: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [path, query],
    queryFn: () => get<T>(path!, query),
    enabled: path !== null,
  });
}

/**
 * A change sent to the API. On success, cached reads under the given path prefixes are refreshed and a
 * notice is shown; on failure the caller's form shows the problem.
 */
export function useSend<TBody, TResult = unknown>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string | ((body: TBody) => string),
  opts: {
    invalidate?: string[];
    success?: string;
    /** The body to send, when the variables carry more than the body (e.g. the action in the path). */
    body?: (variables: TBody) => unknown;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) =>
      api<TResult>(method, typeof path === 'function' ? path(body) : path, {
        body: method === 'DELETE' ? undefined : opts.body ? opts.body(body) : body,
      }),
    onSuccess: async () => {
      await Promise.all(
        (opts.invalidate ?? []).map((prefix) =>
          queryClient.invalidateQueries({
            predicate: (q) =>
              typeof q.queryKey[0] === 'string' && (q.queryKey[0] as string).startsWith(prefix),
          }),
        ),
      );
      notifications.show({ color: 'teal', message: i18next.t(opts.success ?? 'common.saved') });
    },
  });
}
