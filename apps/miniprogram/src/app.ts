import type { PropsWithChildren } from 'react';
import { dropShellOffReportRoute } from './services/app-shell';
import { applyLargeTextH5 } from './services/display';
import './app.css';

// H5: 大字模式 from the first paint, before any page renders.
applyLargeTextH5();
dropShellOffReportRoute();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
