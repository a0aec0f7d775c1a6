import { lazy } from 'react';

/** Admin mode; lazy, so its tables, charts and strings load only when an admin opens it. */
export const AdminPage = lazy(() => import('./components/AdminPage').then((m) => ({ default: m.AdminPage })));
