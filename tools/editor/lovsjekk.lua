-- lovsjekk for Neovim 0.7 (Debian 12) and later: put this in init.lua.
-- (vim.filetype.add needs 0.8, or vim.g.do_filetype_lua = 1 on 0.7.)
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, { pattern = "*.regel", command = "setfiletype regel" })
vim.api.nvim_create_autocmd("FileType", {
  pattern = "regel",
  callback = function(args)
    local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h")
    local git = vim.fn.finddir(".git", dir .. ";")
    local config = {
      name = "lovsjekk",
      cmd = { "lovsjekk", "lsp" },
      root_dir = git ~= "" and vim.fn.fnamemodify(git, ":p:h:h") or dir,
    }
    if vim.lsp.start then -- Neovim 0.8 and later: one client per root, reused
      vim.lsp.start(config)
    else -- Neovim 0.7: one client, attached to every .regel buffer
      _G.lovsjekk_client = _G.lovsjekk_client or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, _G.lovsjekk_client)
    end
  end,
})
