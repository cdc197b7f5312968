/// <reference lib="webworker" />
// The log search's regular expressions run here, a slice of lines at a time: the page can stop a
// pattern that backtracks for ever (terminate this worker) instead of freezing with it.
import { searchSlice, type RegexSliceRequest } from './regex-slice';

self.onmessage = (event: MessageEvent<RegexSliceRequest>) => {
  self.postMessage(searchSlice(event.data));
};
