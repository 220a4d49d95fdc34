// placeholder until the first command lands
