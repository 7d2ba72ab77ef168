/**
 * TypeScript's `__awaiter` and `__generator` helpers as its ES5 output writes them into a file: code
 * that shows it runs an async body at once, as the class model needs it to (file/compiled-async.ts).
 */
export const TS_ASYNC_HELPERS = `var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    return new (P || (P = Promise))(function (resolve, reject) {
        function step(result) { result.done ? resolve(result.value) : P.resolve(result.value).then(function (value) { step(generator.next(value)); }, reject); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var state = { label: 0 };
    function next(sent) { state.sent = sent; var op = body.call(thisArg, state); state.label++; return { value: op[1], done: op[0] === 2 }; }
    return { next: next };
};
`;
