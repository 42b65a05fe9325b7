import { request } from './client';
import type { SystemInfo } from './types';

export function fetchSystemInfo(signal?: AbortSignal): Promise<SystemInfo> {
  return request<SystemInfo>('/api/system/info', { signal });
}
