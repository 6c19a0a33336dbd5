// google.script.run for the preview, injected into the built Sidebar.html and
// Settings.html: each call POSTs {fn, args} to the preview server, which runs
// that global function of dist/Code.js over the Sheets stand-in. Like Apps
// Script, calls are asynchronous, handlers are optional, and Dates are refused.
(() => {
  const script = document.currentScript;
  const lang = script?.dataset.lang ?? 'ko';

  function hasDate(value) {
    if (Object.prototype.toString.call(value) === '[object Date]') return true;
    if (typeof value !== 'object' || value === null) return false;
    return Object.values(value).some(hasDate);
  }

  function call(fn, args, onSuccess, onFailure) {
    const fail = (message) => {
      const error = new Error(message);
      if (onFailure) onFailure(error);
      else console.error(error);
    };
    if (args.some(hasDate)) {
      setTimeout(() => fail('Failed due to illegal value in property: a Date cannot be passed'), 0);
      return;
    }
    fetch(`/rpc?lang=${encodeURIComponent(lang)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fn, args }),
    })
      .then((response) => response.json())
      .then(
        (answer) => {
          if (answer.ok) onSuccess?.(answer.value);
          else fail(answer.error);
        },
        (error) => fail(String(error)),
      )
      .finally(() => window.parent.postMessage({ type: 'preview-rpc', fn }, window.location.origin));
  }

  function runner(onSuccess, onFailure) {
    const base = {
      withSuccessHandler: (handler) => runner(handler, onFailure),
      withFailureHandler: (handler) => runner(onSuccess, handler),
      withUserObject: () => runner(onSuccess, onFailure),
    };
    return new Proxy(base, {
      get(target, name) {
        if (name in target) return target[name];
        return (...args) => call(String(name), args, onSuccess, onFailure);
      },
    });
  }

  window.google = {
    script: {
      run: runner(null, null),
      host: {
        close: () => window.parent.postMessage({ type: 'preview-close' }, window.location.origin),
        setHeight() {},
        setWidth() {},
        editor: { focus() {} },
      },
    },
  };
})();
